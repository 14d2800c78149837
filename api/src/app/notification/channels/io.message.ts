/**
 * An App IO message (pure): subject 10–120 characters, markdown 80–10,000 (the limits of
 * MessageContentBase in the IO spec), due_date the appointment's start.
 */
import { messageParts } from '../notification.templates';
import type { MessageContext, MessageLanguage } from '../notification.templates';

export const IO_SUBJECT_MIN = 10;
export const IO_SUBJECT_MAX = 120;
export const IO_MARKDOWN_MIN = 80;
export const IO_MARKDOWN_MAX = 10_000;

export interface IoMessage {
  subject: string;
  markdown: string;
  due_date: string;
}

/** The profile's first preferred language that Sportello writes (it_IT, en_GB…), else the booking's. */
export function ioLanguage(preferred: readonly string[] | undefined, fallback: MessageLanguage): MessageLanguage {
  for (const tag of preferred ?? []) {
    const language = tag.slice(0, 2).toLowerCase();
    if (language === 'it' || language === 'en') return language;
  }
  return fallback;
}

/** Markdown's emphasis, link, code and HTML characters taken literally (names, services and documents are free text). */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|~])/g, '\\$1');
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export function renderIoMessage(ctx: MessageContext): IoMessage {
  const parts = messageParts(ctx);
  const subject = clip(`${parts.title} ${ctx.code} – ${ctx.serviceName}`, IO_SUBJECT_MAX);
  const head = [
    `${escapeMarkdown(parts.greeting)} ${escapeMarkdown(ctx.citizenName)}, ${escapeMarkdown(parts.lead)}`,
    ...(parts.reconfirm
      ? [
          '',
          `**${escapeMarkdown(parts.reconfirm.title)}**`,
          '',
          escapeMarkdown(parts.reconfirm.text),
          '',
          `[${escapeMarkdown(parts.reconfirm.label)}](${parts.reconfirm.url})`,
        ]
      : []),
    '',
    ...parts.facts.map(([label, value]) => `- **${escapeMarkdown(label)}:** ${escapeMarkdown(value)}`),
  ];
  const tail = [
    ...(parts.cancelled ? [] : ['', escapeMarkdown(parts.qrHint)]),
    ...(parts.link ? ['', `[${escapeMarkdown(parts.link.label)}](${parts.link.url})`] : []),
  ];
  const compose = (documents: string[], more: boolean) =>
    [
      ...head,
      ...(documents.length > 0 || more
        ? ['', `**${escapeMarkdown(parts.documentsTitle)}**`, '', ...documents.map((d) => `- ${escapeMarkdown(d)}`), ...(more ? ['- …'] : [])]
        : []),
      ...tail,
    ].join('\n');
  // Documents are what may be long: as many as fit, then "…"; the link always stays.
  let documents = parts.documents;
  let markdown = compose(documents, false);
  while (markdown.length > IO_MARKDOWN_MAX && documents.length > 0) {
    documents = documents.slice(0, -1);
    markdown = compose(documents, true);
  }
  if (markdown.length > IO_MARKDOWN_MAX) markdown = `${markdown.slice(0, IO_MARKDOWN_MAX - 1)}…`;
  return { subject, markdown, due_date: ctx.startAt.toISOString() };
}
