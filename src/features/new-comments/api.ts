/** What other features may use of new-comments: the name of its mark (the comments newer than the reader's last visit). */
export const NEW_MARK = 'new';
