import { ActionGroup } from "./action-group";
import { answerActions } from "./answer-actions";

/** Accept or decline one paid request, for the miner dashboard's "Answer" column. */
export function RequestActions({ request }: { request: { id: string; depositCents: number; buyerOrganizationName: string } }) {
  return <ActionGroup actions={answerActions(request, "sm")} className="min-w-48" />;
}
