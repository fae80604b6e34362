import { renderedHeadingText } from './headingText';

/**
 * Canonical post-mortem sections and the headings real teams use for them, in English, Japanese,
 * German, French, Spanish and Portuguese. Matching is case-insensitive and ignores numbering
 * ("3. Timeline"), trailing punctuation, a trailing note in parentheses ("Timeline (all times
 * PST)") and a tail after a dash or colon ("Timeline - all times UTC"). Every step is a plain
 * scan or an anchored, unambiguous regular expression: headings are user text.
 */
export type SectionId = 'summary' | 'impact' | 'timeline' | 'root-cause' | 'response' | 'action-items' | 'lessons';

export const SECTION_TITLES: Readonly<Record<SectionId, string>> = {
  summary: 'Summary',
  impact: 'Impact',
  timeline: 'Timeline',
  'root-cause': 'Root cause analysis',
  response: 'Response',
  'action-items': 'Action items',
  lessons: 'Lessons learned',
};

export const SECTION_ORDER: readonly SectionId[] = ['summary', 'impact', 'timeline', 'root-cause', 'response', 'action-items', 'lessons'];

const ENGLISH: Record<SectionId, readonly string[]> = {
  summary: ['summary', 'issue summary', 'incident summary', 'executive summary', 'overview', 'tl;dr', 'tldr', 'description', 'what happened'],
  impact: ['impact', 'customer impact', 'user impact', 'impact assessment', 'business impact', 'scope and impact'],
  timeline: ['timeline', 'incident timeline', 'timeline of events', 'detailed timeline', 'chronology', 'sequence of events', 'key events', 'timeline summary'],
  'root-cause': ['root cause analysis', 'root cause', 'root causes', 'root-cause', 'root cause and analysis', 'causes', 'contributing factors', 'root cause and trigger', 'trigger', 'analysis', 'rca'],
  // Steps taken during the incident, in the past tense, are the response, not follow-up work (trial16a
  // F17: "Actions taken" started with the Action items alias "actions", so its done response steps were
  // counted as done action items). Exact aliases and prefixes of response are looked at first.
  response: ['response', 'response effectiveness', 'incident response', 'detection and response', 'resolution', 'resolution and recovery', 'recovery', 'mitigation', 'detection', 'actions taken', 'immediate actions taken', 'actions performed', 'actions we took', 'steps taken', 'steps we took', 'what we did', 'mitigation steps', 'mitigation steps taken', 'remediation steps taken', 'response actions'],
  'action-items': ['action items', 'actions', 'follow-ups', 'follow ups', 'followups', 'follow-up', 'follow up', 'follow-up actions', 'corrective actions', 'corrective and preventative measures', 'corrective and preventive measures', 'remediation', 'remediations', 'next steps', 'action plan', 'prevention', 'preventive actions', 'preventative actions', 'follow-up items', 'action items and follow-ups', 'action items & followups', 'action items & follow-ups', 'review actions', 'actions following review', 'future actions', 'actions planned', 'planned actions', 'immediate actions', 'short-term improvements', 'long-term improvements', 'medium-term improvements', 'process improvements', 'technical improvements', 'documentation improvements', 'action points', 'action point', 'how are we preventing it from happening again', 'what we are doing about it', 'what we\'re doing about it', 'improving', 'improvements', 'what we are changing', 'what we\'re changing'],
  lessons: ['lessons learned', 'lessons learnt', 'lessons', 'learnings', 'takeaways', 'key takeaways', 'what went well', 'what went wrong', 'where we got lucky', 'what we learned', 'what worked', 'what didn\'t work', 'what did not work'],
};

const JAPANESE: Record<SectionId, readonly string[]> = {
  summary: ['概要', 'サマリー', 'サマリ', '要約', 'インシデント概要', '障害概要', '事象概要'],
  impact: ['影響', '影響範囲', '影響度', 'ユーザー影響', '顧客影響'],
  timeline: ['タイムライン', '時系列', '経緯', '対応経緯', '発生から復旧までの経緯', '経過'],
  'root-cause': ['根本原因', '原因', '原因分析', '根本原因分析', '発生原因'],
  response: ['対応', '対応内容', '復旧', '復旧対応', '緩和策', '検知'],
  'action-items': ['アクションアイテム', '対策', '再発防止策', '今後の対策', '改善策', '恒久対策', '暫定対策', 'ネクストアクション', '今後の対応'],
  lessons: ['教訓', '学び', '振り返り', 'うまくいったこと', 'うまくいかなかったこと', '良かった点', '改善点'],
};

const GERMAN: Record<SectionId, readonly string[]> = {
  summary: ['zusammenfassung', 'überblick', 'kurzfassung', 'übersicht'],
  impact: ['auswirkungen', 'auswirkung', 'kundenauswirkung', 'kundenauswirkungen'],
  timeline: ['zeitablauf', 'zeitleiste', 'chronologie', 'ablauf', 'zeitlicher ablauf', 'zeitstrahl', 'zeitachse', 'zeitverlauf', 'verlauf', 'chronik'],
  'root-cause': ['ursache', 'ursachen', 'grundursache', 'ursachenanalyse', 'fehlerursache'],
  response: ['reaktion', 'behebung', 'wiederherstellung', 'erkennung', 'störungsbehebung'],
  'action-items': ['maßnahmen', 'folgemaßnahmen', 'nächste schritte', 'aufgaben', 'to-dos', 'todos', 'korrekturmaßnahmen'],
  lessons: ['erkenntnisse', 'lehren', 'gelernte lektionen', 'was lief gut', 'was lief schlecht', 'lessons learned'],
};

const FRENCH: Record<SectionId, readonly string[]> = {
  summary: ['résumé', 'synthèse', 'sommaire', 'aperçu'],
  impact: ['impact', 'impacts', 'impact client'],
  timeline: ['chronologie', 'déroulé', 'déroulement', 'frise chronologique', 'chronologie des événements'],
  'root-cause': ['cause racine', 'causes racines', 'cause première', 'causes', 'analyse des causes', 'analyse de la cause racine'],
  response: ['réponse', 'résolution', 'rétablissement', 'détection', 'atténuation'],
  'action-items': ['actions', 'plan d\'action', 'actions correctives', 'prochaines étapes', 'suivi', 'mesures correctives', 'actions de suivi'],
  lessons: ['leçons apprises', 'enseignements', 'retour d\'expérience', 'leçons'],
};

const SPANISH: Record<SectionId, readonly string[]> = {
  summary: ['resumen', 'resumen ejecutivo', 'descripción'],
  impact: ['impacto', 'impacto en clientes'],
  timeline: ['cronología', 'línea de tiempo', 'línea temporal', 'cronología de eventos'],
  'root-cause': ['causa raíz', 'causas raíz', 'causa principal', 'análisis de causa raíz', 'causas'],
  response: ['respuesta', 'resolución', 'mitigación', 'recuperación', 'detección'],
  'action-items': ['acciones', 'elementos de acción', 'acciones correctivas', 'próximos pasos', 'plan de acción', 'seguimiento', 'tareas'],
  lessons: ['lecciones aprendidas', 'aprendizajes', 'lecciones'],
};

const PORTUGUESE: Record<SectionId, readonly string[]> = {
  summary: ['resumo', 'sumário', 'visão geral'],
  impact: ['impacto', 'impactos'],
  timeline: ['cronologia', 'linha do tempo', 'linha temporal'],
  'root-cause': ['causa raiz', 'causas raiz', 'causa principal', 'análise de causa raiz'],
  response: ['resposta', 'resolução', 'mitigação', 'recuperação', 'detecção'],
  'action-items': ['ações', 'itens de ação', 'ações corretivas', 'próximos passos', 'plano de ação', 'acompanhamento'],
  lessons: ['lições aprendidas', 'aprendizados', 'lições'],
};

function merge(...lists: Record<SectionId, readonly string[]>[]): Record<SectionId, readonly string[]> {
  const out = {} as Record<SectionId, readonly string[]>;
  for (const id of SECTION_ORDER) out[id] = [...new Set(lists.flatMap((l) => l[id]))];
  return out;
}

/** Built-in aliases (English first, then ja, de, fr, es, pt); `sectionAliases` in the config adds to them. */
export const DEFAULT_SECTION_ALIASES: Readonly<Record<SectionId, readonly string[]>> = merge(ENGLISH, JAPANESE, GERMAN, FRENCH, SPANISH, PORTUGUESE);

/** Words that make any heading holding them a timeline: "Establishing the timeline", "Team Response Timeline". */
const TIMELINE_WORDS = ['timeline', 'chronology', 'タイムライン', '時系列', 'zeitablauf', 'zeitleiste', 'zeitachse', 'chronologie', 'cronología', 'cronologia', 'línea de tiempo', 'linha do tempo', 'verlauf', 'tijdlijn', 'tidslinje', 'händelseförlopp', 'hændelsesforløb', 'hendelsesforløp', 'aikajana', '타임라인', '时间线', '時間線', '时间轴'];

/** `<!-- … -->` removed by scanning (a lazy regex is quadratic on many unclosed `<!--`). */
function stripComments(text: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = text.indexOf('<!--', at);
    if (open === -1) return out + text.slice(at);
    const close = text.indexOf('-->', open + 4);
    if (close === -1) return out + text.slice(at);
    out += text.slice(at, open);
    at = close + 3;
  }
}

/** A trailing "(…)" note removed: "Timeline (all times PST)", "Root cause(s)". */
function stripTrailingNote(text: string): string {
  const t = text.trimEnd();
  if (!t.endsWith(')')) return text;
  const open = t.lastIndexOf('(', t.length - 2);
  if (open <= 0 || t.slice(open + 1, -1).includes(')')) return text;
  return t.slice(0, open);
}

const TRAILING_PUNCTUATION = new Set([' ', '\t', ':', '.', '!', '?', '：', '。', '！', '？']);

function trimTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && TRAILING_PUNCTUATION.has(text[end - 1])) end--;
  return text.slice(0, end);
}

export function normaliseHeading(title: string): string {
  // As the page shows it (`\> Action items`, `&gt; …`, `[Action items](#ai)`, a tag around it), then
  // without the markup that only styles the words (bold, italics, code, strike-through).
  const plain = stripTrailingNote(renderedHeadingText(stripComments(title.toLowerCase())))
    .replace(/[*_`~]/g, '')
    // Emoji and symbols before the name, as Notion and Confluence exports write them ("📋 Action items",
    // "🕐 Timeline", trial 14a F19): one class, anchored, so linear.
    .replace(/^[\s\p{Extended_Pictographic}\p{S}\u200d\ufe0f]+/u, '')
    .replace(/^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+\.)\s+/, '');
  return trimTrailingPunctuation(plain).replace(/\s+/g, ' ').trim();
}

/** The part before a dash, colon or comma tail: "Timeline - all times UTC" → "timeline". */
function headOf(key: string): string {
  let cut = key.length;
  for (const sep of [' - ', ' – ', ' — ', ': ', '：', ', ', ' | ']) {
    const at = key.indexOf(sep);
    if (at > 0 && at < cut) cut = at;
  }
  return key.slice(0, cut).trim();
}

function exact(key: string, aliases: Readonly<Record<SectionId, readonly string[]>>): SectionId | undefined {
  for (const id of SECTION_ORDER) if (aliases[id].includes(key)) return id;
  return undefined;
}

/**
 * The canonical id of a heading, or undefined when it is not a known post-mortem section.
 * Exact aliases first; then the heading without a tail after a dash or colon; then any heading
 * naming the timeline; then a heading that starts with a (longer) alias ("Root cause: the cache").
 */
export function sectionIdOf(title: string, aliases: Readonly<Record<SectionId, readonly string[]>> = DEFAULT_SECTION_ALIASES): SectionId | undefined {
  // A pure function of the title and the alias lists, asked for the same few titles in every file:
  // remembered per alias object (a folder's config keeps its object), a bounded number of titles.
  if (title.length > MAX_MEMO_TITLE) return sectionIdOfUncached(title, aliases);
  let known = sectionIdMemo.get(aliases);
  if (!known) sectionIdMemo.set(aliases, (known = new Map()));
  if (known.has(title)) return known.get(title);
  const id = sectionIdOfUncached(title, aliases);
  if (known.size >= MAX_MEMO_TITLES) known.clear();
  known.set(title, id);
  return id;
}

const sectionIdMemo = new WeakMap<object, Map<string, SectionId | undefined>>();
const MAX_MEMO_TITLES = 2_000;
const MAX_MEMO_TITLE = 300;

function sectionIdOfUncached(title: string, aliases: Readonly<Record<SectionId, readonly string[]>>): SectionId | undefined {
  const key = normaliseHeading(title);
  if (!key) return undefined;
  const direct = exact(key, aliases) ?? exact(normaliseHeading(headOf(key)), aliases);
  if (direct) return direct;
  if (key.length <= 80 && TIMELINE_WORDS.some((w) => key.includes(w)) && !/^(?:no|without|kein|sans|sin|sem)\b/.test(key)) return 'timeline';
  for (const id of SECTION_ORDER) {
    if (aliases[id].some((a) => a.length > 3 && (key.startsWith(`${a} `) || key.startsWith(`${a}:`) || key.startsWith(`${a},`)))) return id;
  }
  return undefined;
}
