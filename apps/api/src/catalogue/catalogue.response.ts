import { ApiProperty } from '@nestjs/swagger';
import type { ProductCode } from '#domain';
import type { CatalogueOutlet, CatalogueProduct, CatalogueSupplier, ScannedProduct } from '#persistence';

export class OutletResponse implements CatalogueOutlet {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Australia/Sydney' }) timeZone!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'AUD' }) currency!: string | null;
}

export class SupplierResponse implements CatalogueSupplier {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
}

export class ProductResponse implements CatalogueProduct {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) variantName!: string | null;
  @ApiProperty({ type: String, nullable: true }) sku!: string | null;
  @ApiProperty({ type: String, nullable: true }) supplierId!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'Lightspeed takes no composite product on a consignment' }) isComposite!: boolean;
}

export class OutletListResponse {
  @ApiProperty({ type: [OutletResponse] }) items!: OutletResponse[];
}

export class SupplierListResponse {
  @ApiProperty({ type: [SupplierResponse] }) items!: SupplierResponse[];
}

export class ProductListResponse {
  @ApiProperty({ type: [ProductResponse] }) items!: ProductResponse[];
}

export class ProductCodeResponse implements ProductCode {
  @ApiProperty({ example: '9300000000019' }) code!: string;
  @ApiProperty({ description: 'EAN, UPC, ISBN, ITF, JAN, CUSTOM or SKU', example: 'EAN' }) type!: string;
}

export class ScannedProductResponse extends ProductResponse implements ScannedProduct {
  @ApiProperty({ type: [ProductCodeResponse], description: 'Every code of the product' }) codes!: ProductCodeResponse[];
}

export class ScannedProductListResponse {
  @ApiProperty({ type: [ScannedProductResponse] }) items!: ScannedProductResponse[];
}
