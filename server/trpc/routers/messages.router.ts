import {
  messagesListInput,
  messagesListOutput,
  messagesSendInput,
  messagesSendOutput,
  messagesSubmitInput,
  messagesSubmitOutput,
} from '../../../shared/api/messages';
import { listMessages, sendMessage, submitMessage } from '../../services/messages.service';
import { serviceContext } from '../context';
import { permittedProcedure, router, staffOrTokenProcedure } from '../trpc';

/** The thread between staff and a case's subject (docs/MESSAGES.md); internal notes never appear in it. */
export const messagesRouter = router({
  /** Staff write to the subject (audited as `message.sent`); the outbox sends `message.sent`. */
  send: permittedProcedure('messages.send')
    .input(messagesSendInput)
    .output(messagesSendOutput)
    .mutation(({ ctx, input }) => sendMessage(serviceContext(ctx), input)),

  /** The subject's reply through the platform (token scope `appeals`; audited as `message.received`). */
  submit: staffOrTokenProcedure('appeals.intake', 'appeals')
    .input(messagesSubmitInput)
    .output(messagesSubmitOutput)
    .mutation(({ ctx, input }) => submitMessage(serviceContext(ctx), input)),

  /** The case's thread, oldest first. */
  list: permittedProcedure('cases.read')
    .input(messagesListInput)
    .output(messagesListOutput)
    .query(({ ctx, input }) => listMessages(ctx.db, input.caseId)),
});
