import type { Bind } from '../database/statement.js';
import type { TransferLineView, TransferView } from '../projections/transfer-view.js';

/** Each product's codes (barcodes and SKU) as the catalogue holds them now, sorted; a product without any is absent. */
export type BarcodesByProduct = Readonly<Record<string, readonly string[]>>;

/** A line as a scanning client reads it: with the codes its product can be scanned by. */
export type ScannableLineView = TransferLineView & { barcodes: string[] };

export type ScannableTransferView<View extends TransferView = TransferView> = Omit<View, 'lines'> & { lines: ScannableLineView[] };

/**
 * The codes are joined at read time, never projected: the read model stays a function of the
 * transfer's events, while a product's codes change in Lightspeed on their own.
 */
export function withLineBarcodes<View extends TransferView>(view: View, barcodes: BarcodesByProduct): ScannableTransferView<View> {
  return { ...view, lines: view.lines.map((line) => ({ ...line, barcodes: [...(barcodes[line.productId] ?? [])] })) };
}

/** The same codes as one JSON object for a command's load: the products on the transfer's lines and those the command names. */
export function lineBarcodesSql(bind: Bind, transferId: string, productIds: readonly string[]): string {
  return `(SELECT coalesce(json_object_agg(codes.product_id, codes.codes), '{}'::json)
             FROM (SELECT product_id, array_agg(code ORDER BY code) AS codes FROM lightspeed_product_codes
                    WHERE product_id = ANY(${bind([...new Set(productIds)])}::text[])
                       OR product_id IN (SELECT line->>'productId'
                                           FROM transfer_read_model model, jsonb_array_elements(model.document->'lines') AS line
                                          WHERE model.id = ${bind(transferId)}::uuid)
                    GROUP BY product_id) codes)`;
}
