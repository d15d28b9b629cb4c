import { ApiProperty } from '@nestjs/swagger';
import type { FreightQuoteView, QuotedParcel, ServiceQuote } from './freight-quote.service.js';

class PartyResponse {
  @ApiProperty({ enum: ['outlet', 'supplier'] }) kind!: 'outlet' | 'supplier';
  @ApiProperty() id!: string;
}

class QuotedParcelResponse implements QuotedParcel {
  @ApiProperty() boxTypeName!: string;
  @ApiProperty({ description: 'Gross weight (contents and box), grams' }) weightG!: number;
  @ApiProperty({ description: 'mm' }) lengthMm!: number;
  @ApiProperty({ description: 'mm' }) widthMm!: number;
  @ApiProperty({ description: 'mm' }) heightMm!: number;
}

class ServiceQuoteResponse implements ServiceQuote {
  @ApiProperty({ description: 'The carrier’s service code; book with it', example: '7B05' }) serviceCode!: string;
  @ApiProperty({ example: 'PARCEL POST + SIGNATURE' }) serviceName!: string;
  @ApiProperty({ description: 'The price in cents', example: 1015 }) priceCents!: number;
  @ApiProperty({ type: String, nullable: true, description: 'ISO 4217; null: the Starshipit account’s own currency' }) currency!: string | null;
}

export class FreightQuoteResponse implements FreightQuoteView {
  @ApiProperty() transferId!: string;
  @ApiProperty({ description: 'The transfer version the parcels were worked out from' }) transferVersion!: number;
  @ApiProperty({ type: PartyResponse, description: 'Where the goods leave from: the source outlet' }) from!: PartyResponse;
  @ApiProperty({ type: PartyResponse, description: 'Where they go: the destination outlet, or the supplier of a return' }) to!: PartyResponse;
  @ApiProperty({ enum: ['BOXES', 'SUGGESTION'], description: 'The transfer’s own boxes once it has some (their measured weight, else contents and tare), the suggested packing before' })
  parcelsFrom!: 'BOXES' | 'SUGGESTION';
  @ApiProperty({ type: [QuotedParcelResponse] }) parcels!: QuotedParcelResponse[];
  @ApiProperty({ type: [ServiceQuoteResponse], description: 'Cheapest first' }) quotes!: ServiceQuoteResponse[];
  @ApiProperty({ format: 'date-time', description: 'When Starshipit priced it' }) quotedAt!: string;
  @ApiProperty({ description: 'True when the quote was kept from an earlier look at the same shipment (no carrier call)' }) cached!: boolean;
}
