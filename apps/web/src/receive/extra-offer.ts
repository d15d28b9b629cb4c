import { useState } from 'preact/hooks';
import { ApiError, productsByBarcode, type ProductMatch } from '../api.js';

/**
 * A code no line has is looked up in the catalogue; a product found there is offered as an extra
 * line until the next scan. `say` reports each step in the screen's status line.
 */
export function useExtraOffer(say: (message: string) => void) {
  const [offer, setOffer] = useState<ProductMatch | null>(null);
  const lookUp = async (code: string) => {
    say(`Looking up ${code}…`);
    try {
      const [product] = await productsByBarcode(code);
      setOffer(product ?? null);
      say(product ? `${product.name} (${code}) was not sent.` : `No product has code ${code}.`);
    } catch (error) {
      if (!(error instanceof ApiError)) return say(`No connection: ${code} cannot be looked up now. Scan it again when the network returns.`);
      say(error.status === 404 ? `No product has code ${code}.` : error.message);
    }
  };
  return { offer, lookUp, dismiss: () => setOffer(null) };
}
