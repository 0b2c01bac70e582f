// Shared by the page that renders the newest events on the server and the view that pages on.

/** Events per page: the server's first page and each "Load older events" alike. */
export const auditPageSize = 100;
