/**
 * A client's journey export (for the client) and shared-journal export (for the client or their coach), as JSON
 * records and PDFs; {@code web/ExportController} answers HTTP with them.
 */
package org.rekindle.journal.app.export;
