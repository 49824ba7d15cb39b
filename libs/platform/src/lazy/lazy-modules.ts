/**
 * Heavy libraries few requests need, loaded on first use instead of at start: every service (and,
 * in the embedded demo, every worker thread with its own heap) would otherwise carry exceljs
 * (~7 MB of heap) and nodemailer (~2 MB) whether or not it ever reads a workbook or sends mail.
 */
type ExcelJsModule = typeof import('exceljs');
type NodemailerModule = typeof import('nodemailer');

let excel: ExcelJsModule | undefined;
let mailer: NodemailerModule | undefined;

export function exceljs(): ExcelJsModule {
  excel ??= require('exceljs') as ExcelJsModule;
  return excel;
}

export function nodemailer(): NodemailerModule {
  mailer ??= require('nodemailer') as NodemailerModule;
  return mailer;
}
