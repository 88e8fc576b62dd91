/** The type of HTML that has been through one of Threadline's sanitizers (only they may produce it). */

/** Sanitized HTML: only the sanitizers (src/shared/sanitize*.ts) make it, and only it may reach innerHTML. */
export type SafeHtml = string & { readonly __safeHtml: unique symbol };
