/** The labels of one order. */
export interface PrintedLabels {
  orderId: number;
  orderNumber: string;
  carrierName: string;
  /** One per package. */
  trackingNumbers: string[];
  /** PDF documents. */
  labels: Buffer[];
}

export interface PrintOptions {
  /** Answer the labels already printed for the order instead of printing new ones. */
  reprint: boolean;
}
