/** What the content script posts into the panel's frame after a capture or an undo: "read the store again". */
export const REFRESH_MESSAGE = 'mailflow-lens:refresh';
