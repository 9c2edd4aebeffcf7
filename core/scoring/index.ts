/**
 * Counterparty bankruptcy-risk models. The models often disagree, so the UI shows each verdict
 * with its own factors rather than a single blended score.
 */

import { altmanZ, altmanZDoublePrime, altmanZPrime } from "./altman";
import type { ScoringInput, ScoringResult } from "./model-result";
import { igea, saifullinKadykov, taffler, zaitseva } from "./russian-models";

export {
  ALTMAN_Z_PAPER_PERCENT_WEIGHTS,
  ALTMAN_Z_WEIGHTS,
  type AltmanRatios,
  type AltmanZOptions,
  altmanZ,
  altmanZDoublePrime,
  altmanZFromPaperPercent,
  altmanZFromRatios,
  altmanZPrime,
} from "./altman";
export type {
  FinancialLines,
  ScoringFactor,
  ScoringInput,
  ScoringModelId,
  ScoringResult,
  Zone,
} from "./model-result";
export {
  IGEA_PROBABILITY,
  type IgeaOptions,
  type IgeaVerdict,
  igea,
  type SaifullinKadykovVerdict,
  saifullinKadykov,
  type TafflerVerdict,
  taffler,
  type ZaitsevaVerdict,
  zaitseva,
} from "./russian-models";

/** Every model with its default options, in the order the report shows them. */
export function scoreAllModels(input: ScoringInput): ScoringResult[] {
  return [
    altmanZ(input),
    altmanZPrime(input),
    altmanZDoublePrime(input),
    taffler(input),
    saifullinKadykov(input),
    zaitseva(input),
    igea(input),
  ];
}
