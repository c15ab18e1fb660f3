import { describe, expect, it } from 'vitest';
import { isMailFlowReportPage } from '../../src/content/portal-pages.js';

describe('the mail flow report pages the panel appears on', () => {
  it.each([
    'https://admin.exchange.microsoft.com/#/reports/mailflowreportsmain',
    'https://admin.exchange.microsoft.com/#/reports/vipmailflowdetails',
    'https://admin.exchange.microsoft.com/#/reports/inboundmessagesreport',
    'https://admin.exchange.microsoft.com/#/reports/outboundmessagesreport',
    'https://admin.exchange.microsoft.com/#/reports/outboundconnectordetails',
    'https://admin.exchange.microsoft.com/#/reports/smtpauthmailflowdetails',
    'https://admin.exchange.microsoft.com/#/reports/InboundMessagesReport?days=30',
    'https://admin.cloud.microsoft/exchange#/reports/mailflowreportsmain',
    'https://admin.exchange.office365.us/#/reports/mailflowreportsmain',
  ])('%s is a mail flow report page', (url) => {
    expect(isMailFlowReportPage(url)).toBe(true);
  });

  it.each([
    'https://admin.exchange.microsoft.com/#/homepage',
    'https://admin.exchange.microsoft.com/#/mailboxes',
    'https://admin.exchange.microsoft.com/#/reports/autoforwardedmessages',
    'https://admin.exchange.microsoft.com/#/reports/transportruledetails',
    'https://admin.exchange.microsoft.com/',
    'https://admin.exchange.microsoft.com/other/#/reports/mailflowreportsmain',
    'https://portal.example.test/#/reports/mailflowreportsmain',
    'http://admin.exchange.microsoft.com/#/reports/mailflowreportsmain',
    'https://security.microsoft.com/reports/TPSAggregateReportATP',
  ])('%s is not', (url) => {
    expect(isMailFlowReportPage(url)).toBe(false);
  });
});
