import { z } from 'zod';

/**
 * A user-facing message as a result stores it: the catalogue code and its params (src/i18n), with
 * the English text for readers without the catalogue, so a stored result renders in either
 * language. Results stored before messages were coded hold plain strings; they stay readable and
 * are shown as they are.
 */
/** A message quoted inside another (the finding a warning quotes): its params are read by the catalogue only. */
const QuotedMessageSchema = z.object({
  code: z.string().min(1).max(100),
  params: z.record(z.string(), z.unknown()),
  message: z.string(),
});

export const CodedMessageSchema = z.object({
  code: z.string().min(1).max(100),
  params: z.record(z.string(), z.union([z.string(), z.number(), QuotedMessageSchema])),
  message: z.string(),
});
export type CodedMessageData = z.infer<typeof CodedMessageSchema>;

export const StoredMessageSchema = z.union([z.string(), CodedMessageSchema]);
export type StoredMessage = z.infer<typeof StoredMessageSchema>;

/** The English text of a stored message, for logs, search and readers without the catalogue. */
export const messageText = (m: StoredMessage): string => (typeof m === 'string' ? m : m.message);
