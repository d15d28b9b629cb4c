import { MUGS, TEA, type Auth, type Scenario } from './transfers-client.js';

/**
 * Transfers brought to the state a route needs, north → south (a stocktake counts north), made by
 * `sender` (staff of north, or anyone who may act there) and received by `receiver` (of south);
 * each returns the new transfer's id.
 */
export function transferStates(step: Scenario['step'], { sender: auth, receiver }: { sender: Auth; receiver: Auth }) {
  const states = {
    open: async () => (await step.createOutletTransfer(auth)).id,
    packing: async () => {
      const created = await step.createOutletTransfer(auth);
      return (await step.packed(auth, created.id, MUGS, 10)).id;
    },
    packed: async () => (await step.packedOutletTransfer(auth)).id,
    sent: async () => (await step.sentOutletTransfer(auth)).id,
    /** Sent, and received in full with a final receipt. */
    received: async () => {
      const id = await states.sent();
      const lines = [{ productId: MUGS, receivedQuantity: 10 }, { productId: TEA, receivedQuantity: 4 }];
      return (await step.receive(receiver, id, { final: true, lines })).id;
    },
    openReturn: async () => (await step.createSupplierReturn(auth)).id,
    /** A supplier return waiting for a manager's approval. */
    submittedReturn: async () => (await step.act(auth, await states.openReturn(), 'submit')).id,
    countingStocktake: async () => (await step.createStocktake(auth)).id,
    /** A stocktake with every line counted as expected: ready to complete. */
    countedStocktake: async () => {
      const id = await states.countingStocktake();
      await step.counted(auth, id, MUGS, 10);
      return (await step.counted(auth, id, TEA, 20)).id;
    },
  };
  return states;
}

export type TransferStates = ReturnType<typeof transferStates>;
