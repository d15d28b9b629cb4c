import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ISO_3166_ALPHA2_CODES, SHIPPING_ADDRESS_MAX_LENGTH, type ShippingAddressInput } from '#domain';

/** Limits count what is left once trimmed, at the edge as in the domain (which trims again). */
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

const Required = (field: keyof typeof SHIPPING_ADDRESS_MAX_LENGTH, example: string, description: string) =>
  applyDecorators(
    ApiProperty({ example, minLength: 1, maxLength: SHIPPING_ADDRESS_MAX_LENGTH[field], description: `${description}; trimmed` }),
    Transform(trimmed),
    IsString(),
    IsNotEmpty({ message: `${field} is required` }),
    MaxLength(SHIPPING_ADDRESS_MAX_LENGTH[field]),
  );

const Optional = (field: keyof typeof SHIPPING_ADDRESS_MAX_LENGTH, example: string, description: string) =>
  applyDecorators(
    ApiPropertyOptional({
      type: String,
      nullable: true,
      example,
      maxLength: SHIPPING_ADDRESS_MAX_LENGTH[field],
      description: `${description}; trimmed, and null when left out, null or blank`,
    }),
    Transform(trimmed),
    IsOptional(),
    IsString(),
    MaxLength(SHIPPING_ADDRESS_MAX_LENGTH[field]),
  );

/** An outlet's or supplier's whole shipping address, as setting it states it; the bounds are the domain's. */
export class ShippingAddressDto implements ShippingAddressInput {
  @Required('contactName', 'Nora North', 'Who freight asks for')
  contactName!: string;

  @Optional('company', 'Homewares North', 'The business name on the label')
  company?: string | null;

  @Required('street', '12 Dock Road', 'Street address')
  street!: string;

  @Optional('suburb', 'Northcote', 'Suburb or locality')
  suburb?: string | null;

  @Optional('city', 'Melbourne', 'City')
  city?: string | null;

  @Optional('state', 'VIC', 'State, territory or region')
  state?: string | null;

  @Required('postCode', '3070', 'Post code')
  postCode!: string;

  @ApiProperty({ example: 'AU', enum: ISO_3166_ALPHA2_CODES, description: 'ISO 3166-1 alpha-2 country code, upper case' })
  @Transform(trimmed)
  @IsString()
  @IsIn(ISO_3166_ALPHA2_CODES, { message: 'countryCode must be an ISO 3166-1 alpha-2 code in upper case, such as AU or NZ' })
  countryCode!: string;

  @Optional('phone', '+61 3 9000 0000', 'Contact phone number')
  phone?: string | null;

  @Optional('email', 'dock@north.example', 'Contact email (name@domain.tld)')
  email?: string | null;

  @Optional('deliveryInstructions', 'Rear roller door, 7–3 weekdays', 'For the driver')
  deliveryInstructions?: string | null;
}
