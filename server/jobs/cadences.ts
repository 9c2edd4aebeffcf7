import { runEnrolJob, runStepJob } from "../modules/cadences/cadences.enrol";
import type { JobHandler } from "../platform/queue";

/** Issues a contact scheme's step when its working day comes (see cadences.steps.ts). */
export const cadenceStep: JobHandler = async (ctx, job) => runStepJob(ctx.db, job);

/** Enrols everything a clients-list filter matches, in batches, reporting progress. */
export const cadenceEnrol: JobHandler = async (ctx, job, heartbeat) => runEnrolJob(ctx.db, job, heartbeat);
