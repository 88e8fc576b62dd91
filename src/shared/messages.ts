/**
 * Every message Threadline's parts send each other: one discriminated union per direction, a validator that checks
 * each field's type and bounds, and a typed send helper whose answer type follows from the message type.
 *
 * Directions:
 * - content script → background: ContentToBackgroundMessage (badge, open options, built-in glossary, load a chunk);
 * - popup → content script (tabs.sendMessage): PopupToContentMessage (page state, view switch);
 * - options page ↔ background: none today. The options page talks to the rest through storage (settings, custom
 *   terms, saved items) and their change events, so OptionsToBackgroundMessage is empty and its validator refuses
 *   everything; a first such message belongs here, with its validator and its answer in a response map.
 *
 * Convention, for every receiver: validate first (parseX), before touching any state or browser API. A message that
 * does not parse is REFUSED: the listener's promise rejects with a MessageRefusedError naming what was wrong, which
 * the sender's sendMessage receives as a rejection with the same words (src/shared/browser.ts, MessageListener).
 * Nothing is changed for a refused message. Answers to valid messages are plain values (a domain failure, like a
 * chunk that would not load, is part of that answer's type, e.g. ChunkInjection).
 */
import { sendRuntimeMessage, sendTabMessage } from './browser';
import { isChunkName, LOAD_CHUNK_MESSAGE, type ChunkInjection, type LoadChunkMessage } from './chunks';

/** A validator's verdict: the message, rebuilt from its known fields only, or why it was refused. */
export type ParseResult<M> = { ok: true; message: M } | { ok: false; error: string };

/** The error a receiver rejects with when a message does not parse (its message starts "Threadline refused a message"). */
export class MessageRefusedError extends Error {
  constructor(readonly reason: string) {
    super(`Threadline refused a message: ${reason}`);
    this.name = 'MessageRefusedError';
  }
}

/** The rejection a receiver answers a refused message with (see the convention above). */
export function refuse(reason: string): Promise<never> {
  return Promise.reject(new MessageRefusedError(reason));
}

// ---------------------------------------------------------------------------------------------------------------------
// Bounds

/** The longest badge text accepted (the badge shows about four characters; the background cuts to fit). */
export const MAX_BADGE_TEXT = 16;
/** The longest options-page location accepted (e.g. "glossary?define=HMPPS"; the background also strips odd characters). */
export const MAX_OPTIONS_HASH = 200;
/** How much of an unknown type an error quotes. */
const QUOTED_TYPE_CHARS = 40;

// ---------------------------------------------------------------------------------------------------------------------
// Content script → background

/** Set the toolbar badge of the sender's tab (e.g. "14" new comments); empty text clears it. */
export interface BadgeMessage {
  type: 'threadline:badge';
  text: string;
}

/** Open the options page, optionally at a section (e.g. "glossary?define=SFO"). */
export interface OpenOptionsMessage {
  type: 'threadline:open-options';
  hash?: string;
}

/** The built-in glossary, which the content script leaves to the background bundle. */
export interface GlossaryTermsMessage {
  type: 'threadline:glossary-terms';
}

export type { LoadChunkMessage } from './chunks';

export type ContentToBackgroundMessage = BadgeMessage | OpenOptionsMessage | GlossaryTermsMessage | LoadChunkMessage;

/** What the background answers each content-script message with. */
export interface ContentToBackgroundResponses {
  /** false when the sender is in no tab (nothing to badge). */
  'threadline:badge': boolean;
  'threadline:open-options': true;
  /** The built-in glossary entries (the glossary feature's GlossaryEntry records; the shared layer does not know their shape). */
  'threadline:glossary-terms': readonly unknown[];
  [LOAD_CHUNK_MESSAGE]: ChunkInjection;
}

// ---------------------------------------------------------------------------------------------------------------------
// Popup → content script

/** The comment orders a page can show (the same values as src/ui/model.ts's ViewMode). */
export const VIEW_MODES = ['threaded', 'posted'] as const;
export type ViewModeName = (typeof VIEW_MODES)[number];

/** Ask the page for its state. */
export interface StateRequest {
  type: 'threadline:state';
}

/** Switch the page's comment order, then answer with the state. */
export interface SetViewRequest {
  type: 'threadline:set-view';
  view: ViewModeName;
}

export type PopupToContentMessage = StateRequest | SetViewRequest;

/** The page state the popup shows. `active` is false where Threadline runs but found no comments to arrange. */
export interface PageState {
  active: boolean;
  host: string;
  comments: number;
  new: number;
  saved: number;
  view: ViewModeName | null;
  glossary: boolean;
}

/** What the content script answers each popup message with. */
export interface PopupToContentResponses {
  'threadline:state': PageState;
  'threadline:set-view': PageState;
}

// ---------------------------------------------------------------------------------------------------------------------
// Options page ↔ background (none today: see the module comment)

export type OptionsToBackgroundMessage = never;
export type OptionsToBackgroundResponses = Record<never, never>;

// ---------------------------------------------------------------------------------------------------------------------
// Validators

type Fields = Record<string, unknown>;
/** One message type's check: the rebuilt message, or why not. */
type FieldCheck<M> = (fields: Fields) => M | string;

function isBoundedString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

function stringError(field: string, value: unknown, max: number): string {
  if (value === undefined) return `${field} is missing`;
  if (typeof value !== 'string') return `${field} must be a string, not ${value === null ? 'null' : typeof value}`;
  return `${field} is ${value.length} characters long (at most ${max})`;
}

/** Check the envelope (an object with a known string `type`), then that type's own fields. */
function parseWith<M>(direction: string, checks: Record<string, FieldCheck<M>>, value: unknown): ParseResult<M> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      error: `${direction}: a message must be an object, not ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`,
    };
  }
  const fields = value as Fields;
  const type = fields.type;
  if (typeof type !== 'string') return { ok: false, error: `${direction}: the message has no string "type"` };
  const check = Object.hasOwn(checks, type) ? checks[type] : undefined;
  if (!check) return { ok: false, error: `${direction}: unknown message type ${JSON.stringify(type.slice(0, QUOTED_TYPE_CHARS))}` };
  const checked = check(fields);
  return typeof checked === 'string' ? { ok: false, error: `${direction}: ${type}: ${checked}` } : { ok: true, message: checked };
}

const contentToBackgroundChecks: Record<ContentToBackgroundMessage['type'], FieldCheck<ContentToBackgroundMessage>> = {
  'threadline:badge': ({ text }) =>
    isBoundedString(text, MAX_BADGE_TEXT) ? { type: 'threadline:badge', text } : stringError('text', text, MAX_BADGE_TEXT),
  'threadline:open-options': ({ hash }) => {
    if (hash === undefined) return { type: 'threadline:open-options' };
    return isBoundedString(hash, MAX_OPTIONS_HASH) ? { type: 'threadline:open-options', hash } : stringError('hash', hash, MAX_OPTIONS_HASH);
  },
  'threadline:glossary-terms': () => ({ type: 'threadline:glossary-terms' }),
  [LOAD_CHUNK_MESSAGE]: ({ chunk }) => {
    if (isChunkName(chunk)) return { type: LOAD_CHUNK_MESSAGE, chunk };
    if (typeof chunk !== 'string') return stringError('chunk', chunk, QUOTED_TYPE_CHARS);
    return `no chunk named ${JSON.stringify(chunk.slice(0, QUOTED_TYPE_CHARS))}`;
  },
};

const popupToContentChecks: Record<PopupToContentMessage['type'], FieldCheck<PopupToContentMessage>> = {
  'threadline:state': () => ({ type: 'threadline:state' }),
  'threadline:set-view': ({ view }) =>
    (VIEW_MODES as readonly unknown[]).includes(view)
      ? { type: 'threadline:set-view', view: view as ViewModeName }
      : `view must be one of ${VIEW_MODES.map((mode) => JSON.stringify(mode)).join(', ')}, not ${JSON.stringify(view) ?? 'undefined'}`.slice(0, 120),
};

/** Validate a message the background received from a content script. */
export function parseContentToBackgroundMessage(value: unknown): ParseResult<ContentToBackgroundMessage> {
  return parseWith('content → background', contentToBackgroundChecks, value);
}

/** Validate a message a content script received from the popup. */
export function parsePopupToContentMessage(value: unknown): ParseResult<PopupToContentMessage> {
  return parseWith('popup → content', popupToContentChecks, value);
}

/** Validate a message the background received from the options page: there are none yet, so every one is refused. */
export function parseOptionsToBackgroundMessage(value: unknown): ParseResult<OptionsToBackgroundMessage> {
  return parseWith<OptionsToBackgroundMessage>('options → background', {}, value);
}

// ---------------------------------------------------------------------------------------------------------------------
// Typed senders

/**
 * Send a message from a content script to the background; resolves with the answer for its type. The message is
 * checked here first with the receiver's own validator, so a bad one fails in the sender, with the same words,
 * without a round trip. Rejects when refused, or when the background is out of reach (see isDisconnectedError).
 */
export function sendToBackground<M extends ContentToBackgroundMessage>(message: M): Promise<ContentToBackgroundResponses[M['type']]> {
  const parsed = parseContentToBackgroundMessage(message);
  if (!parsed.ok) return refuse(parsed.error);
  return sendRuntimeMessage(parsed.message) as Promise<ContentToBackgroundResponses[M['type']]>;
}

/** Send a message from the popup to a tab's content script; resolves with the answer for its type, rejects when none listens. */
export function sendToContent<M extends PopupToContentMessage>(tabId: number, message: M): Promise<PopupToContentResponses[M['type']]> {
  const parsed = parsePopupToContentMessage(message);
  if (!parsed.ok) return refuse(parsed.error);
  return sendTabMessage(tabId, parsed.message) as Promise<PopupToContentResponses[M['type']]>;
}
