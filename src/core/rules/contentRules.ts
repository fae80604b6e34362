import type { Rule } from '../lint/rule';
import { badDue } from './actions/badDue';
import { badOwner } from './actions/badOwner';
import { lookalikeOwner } from './actions/lookalikeOwner';
import { badLevel } from './actions/badLevel';
import { badPriority } from './actions/badPriority';
import { missingDue } from './actions/missingDue';
import { missingOwner } from './actions/missingOwner';
import { oneOwner } from './actions/oneOwner';
import { oneDue } from './actions/oneDue';
import { joinedTasks } from './actions/joinedTasks';
import { dueInWords } from './actions/dueInWords';
import { struckOut } from './actions/struckOut';
import { actionsNone } from './actions/none';
import { noTicket } from './actions/noTicket';
import { noPrevent } from './actions/noPrevent';
import { badKind } from './actions/badKind';
import { overdue } from './actions/overdue';
import { doneInFuture } from './actions/doneInFuture';
import { badDone } from './actions/badDone';
import { quickWinUnprioritised } from './actions/quickWin';
import { unreadStatus } from './actions/unreadStatus';
import { actionPlaceholder } from './actions/placeholder';
import { outsideSection } from './actions/outsideSection';
import { hiddenTask } from './actions/hiddenTask';
import { notATask } from './actions/notATask';
import { fiveWhysShallow } from './analysis/fiveWhysShallow';
import { blamelessLanguage } from './blameless/language';
import { impactNotQuantified } from './impact/notQuantified';
import { impactTableMismatch } from './impact/tableMismatch';
import { impactUnreadCell } from './impact/unreadCell';
import { impactDowntimeExceedsIncident } from './impact/downtimeExceedsIncident';
import { redactionGithubToken } from './redaction/githubToken';
import { redactionGitlabToken } from './redaction/gitlabToken';
import { redactionSlackToken } from './redaction/slackToken';
import { redactionSlackWebhook } from './redaction/slackWebhook';
import { redactionAwsAccessKey } from './redaction/awsAccessKey';
import { redactionAwsSecretKey } from './redaction/awsSecretKey';
import { redactionGoogleApiKey } from './redaction/googleApiKey';
import { redactionStripeKey } from './redaction/stripeKey';
import { redactionJwt } from './redaction/jwt';
import { redactionPrivateKey } from './redaction/privateKey';
import { redactionUrlPassword } from './redaction/urlPassword';
import { redactionUrlToken } from './redaction/urlToken';
import { redactionWebhookUrl } from './redaction/webhookUrl';
import { redactionEmail } from './redaction/email';
import { redactionPhone } from './redaction/phone';
import { redactionIpAddress } from './redaction/ipAddress';
import { redactionTeamPattern } from './redaction/teamPattern';
import { relatedUnknownId } from './related/unknownId';
import { frontMatterDuplicateId } from './frontMatter/duplicateId';
import { linksMissingFile } from './links/missingFile';
import { factorsUnknown } from './factors/unknown';
import { evidenceImageAlt } from './evidence/imageAlt';
import { noFacilitator } from './review/noFacilitator';
import { reviewNotApproved } from './review/notApproved';
import { reviewOverdue } from './review/overdue';
import { sectionsDuplicate } from './sections/duplicate';
import { lookalikeHeading } from './sections/lookalikeHeading';
import { sectionsEmpty } from './sections/empty';
import { sectionsMissing } from './sections/missing';

/** Rules about sections, action items, review process, language, impact, related ids, five whys and redaction. */
export const CONTENT_RULES: readonly Rule[] = [
  sectionsMissing,
  sectionsDuplicate,
  lookalikeHeading,
  sectionsEmpty,
  missingOwner,
  badOwner,
  lookalikeOwner,
  oneOwner,
  missingDue,
  oneDue,
  joinedTasks,
  dueInWords,
  badDue,
  badPriority,
  badLevel,
  overdue,
  doneInFuture,
  badDone,
  struckOut,
  quickWinUnprioritised,
  unreadStatus,
  actionPlaceholder,
  outsideSection,
  hiddenTask,
  notATask,
  actionsNone,
  noTicket,
  noPrevent,
  badKind,
  reviewOverdue,
  noFacilitator,
  reviewNotApproved,
  blamelessLanguage,
  impactNotQuantified,
  impactTableMismatch,
  impactUnreadCell,
  impactDowntimeExceedsIncident,
  relatedUnknownId,
  frontMatterDuplicateId,
  linksMissingFile,
  factorsUnknown,
  fiveWhysShallow,
  redactionGithubToken,
  redactionGitlabToken,
  redactionSlackToken,
  redactionSlackWebhook,
  redactionAwsAccessKey,
  redactionAwsSecretKey,
  redactionGoogleApiKey,
  redactionStripeKey,
  redactionJwt,
  redactionPrivateKey,
  redactionUrlPassword,
  redactionWebhookUrl,
  redactionUrlToken,
  redactionEmail,
  redactionPhone,
  redactionIpAddress,
  redactionTeamPattern,
  evidenceImageAlt,
];
