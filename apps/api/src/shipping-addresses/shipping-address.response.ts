import { ApiProperty } from '@nestjs/swagger';
import type { PartyKind, ShippingAddress } from '#domain';
import type { ShippingAddressView } from '#persistence';

export class ShippingAddressFieldsResponse implements ShippingAddress {
  @ApiProperty() contactName!: string;
  @ApiProperty({ type: String, nullable: true }) company!: string | null;
  @ApiProperty() street!: string;
  @ApiProperty({ type: String, nullable: true }) suburb!: string | null;
  @ApiProperty({ type: String, nullable: true }) city!: string | null;
  @ApiProperty({ type: String, nullable: true }) state!: string | null;
  @ApiProperty() postCode!: string;
  @ApiProperty({ example: 'AU', description: 'ISO 3166-1 alpha-2' }) countryCode!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) deliveryInstructions!: string | null;
}

export class ShippingAddressResponse implements ShippingAddressView {
  @ApiProperty({ enum: ['outlet', 'supplier'] }) partyKind!: PartyKind;
  @ApiProperty({ description: 'The outlet’s or supplier’s id in the catalogue' }) partyId!: string;
  @ApiProperty({ type: ShippingAddressFieldsResponse, nullable: true, description: 'Null once cleared' }) address!: ShippingAddressFieldsResponse | null;
  @ApiProperty({ description: 'Also the ETag' }) version!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ description: 'Who made the last change' }) updatedBy!: string;
}
