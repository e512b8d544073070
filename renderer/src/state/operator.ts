// The operator's name (written into every history line), asked once and changeable in 设置.
import { createContext, useContext } from 'react';

export interface OperatorState {
  /** Null until settings.get has answered or while the ledger has no operator yet. */
  name: string | null;
  dataYear: number | null;
  /** Opens the dialog that asks for (or changes) the name. */
  change: () => void;
}

export const OperatorContext = createContext<OperatorState>({ name: null, dataYear: null, change: () => {} });

export const useOperator = (): OperatorState => useContext(OperatorContext);
