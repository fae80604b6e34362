import * as vscode from 'vscode';
import { ByteRefusals } from './editing/byteRefusals';
import { watchOwnSaves } from './editing/ownSaves';
import { openForWrite } from './editing/openForWrite';
import { checkWrite, insertedTexts, refused } from './editing/writeGuard';
import { EditQueue } from './actions/editQueue';
import { CHOICE_FIX_COMMAND, ChoiceFixCommand, type ChoiceFixArgs } from './codeActions/choiceFix';
import { PostmortemCodeActionProvider } from './codeActions/codeActionProvider';
import { editorFixFacts } from './codeActions/fixFacts';
import { fixAllEdit } from './codeActions/fixAllEdit';
import { fixAllNoneMessage, type FixAllNone } from './codeActions/fixAllWords';
import { FixNotes } from './codeActions/fixNotes';
import { markCommand, openTicket, revealActionItem, type ItemArg } from './commands/actionItemCommands';
import { insertTimelineEntry } from './commands/insertTimelineEntry';
import { trackMarkdownEditors } from './commands/markdownEditorTarget';
import { lintWorkspace } from './commands/lintWorkspace';
import { copyBuiltinTemplate, type CopyTemplateArgs } from './commands/copyBuiltinTemplate';
import { newPostmortem, type NewPostmortemArgs } from './commands/newPostmortem';
import { newFileSeam } from './editing/createNewFile';
import { answerWithin } from './index/fileSearch';
import type { IndexState } from './index/indexState';
import { recordReviewVerdict, requestReview, type ReviewArgs, type ReviewDeps } from './commands/reviewCommands';
import { ConfigStore } from './config/configStore';
import type { PanelManager } from './diagrams/panelManager';
import { registerDiagramEditor } from './diagrams/register';
import { DiagnosticsController } from './diagnostics/diagnosticsController';
import { FixStore } from './diagnostics/fixStore';
import { FrontMatterCompletionProvider } from './frontMatter/completionProvider';
import { PmSnippetCompletionProvider } from './snippets/snippetCompletion';
import { FrontMatterHoverProvider } from './frontMatter/hoverProvider';
import { registerImports } from './importing/register';
import { registerEvidence } from './evidence/register';
import { WorkspaceFileList } from './links/workspaceFileList';
import { Indexer } from './index/indexer';
import { LintWorkerPool, nodeWorkerConstructor } from './lintWorker/workerPool';
import { disposeLog, log } from './log';
import { registerMetricsDashboard } from './metrics/register';
import { isPostmortemDocument } from './recognise';
import { StatusBarController } from './statusBar/statusBarController';
import { ActionItemsView, VIEW_ID } from './tree/actionItemsView';
import { LibraryView } from './library/libraryView';
import { registerIdNavigation } from './library/navigation/register';
import { registerTrackers, type TrackersApi } from './trackers/register';
import { UnreadDiagnostics } from './unread/unreadFiles';
import { SharedIdFacts } from './diagnostics/sharedIdFacts';

/** Returned from activate() for the integration tests (and any extension that wants it). */
export interface PostmortemApi {
  readonly activationMs: number;
  /** Which extension host runs this copy: Node (desktop, server) or a web worker (vscode.dev). */
  readonly host: 'node' | 'webworker';
  readonly indexer: Indexer;
  readonly actionItems: ActionItemsView;
  /** The "Post-mortems" library tree. */
  readonly library: LibraryView;
  readonly diagnostics: DiagnosticsController;
  readonly statusBar: StatusBarController;
  /** The diagram editor's panels (one per open fishbone / fault-tree block). */
  readonly diagramPanels: PanelManager;
  /** Tickets in the team's tracker: the create command (its preview event) and the status controller. */
  readonly trackers: TrackersApi;
  /** Fires with a quick fix's pick list (an owner, a date) once it is on screen. */
  readonly onDidShowFixChoices: vscode.Event<vscode.QuickPick<vscode.QuickPickItem>>;
  /** Attach Evidence's paste/drop provider and missing-file checks (the tests drive them). */
  readonly evidence: ReturnType<typeof registerEvidence>;
  /** Fires with what Fix All says it assumed, once its edit is applied (the command and the fix-all source action). */
  readonly onDidSayFixNotes: vscode.Event<{ readonly uri: string; readonly message: string }>;
  /** Fires with each question of *New Post-mortem* (title, severity, type, template) once it is on screen. */
  readonly onDidShowNewPostmortemInput: vscode.Event<vscode.QuickInput>;
  /** Where Convert and New Post-mortem create their file (the tests make a file appear meanwhile, and hear the refusal). */
  readonly newFileSeam: typeof newFileSeam;
  /** Resolves when the config is loaded, the index built and open post-mortems linted. */
  ready(): Promise<void>;
}

const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown' }];

/**
 * One file's lint on the lint thread may take this long; past it the thread is stopped and the file
 * shows "Not checked: linting took longer than 15 s" (the others go on). The slowest file we could
 * build under the limits (a broken front matter near 32 KB) takes 2–4 s to lint and 1–2.5 s more to summarise on a loaded machine.
 */
const LINT_BUDGET_MS = 15_000;

export function activate(context: vscode.ExtensionContext): PostmortemApi {
  const started = performance.now();
  const config = new ConfigStore();
  // Synchronous (hover, completion, context key): a file whose folder's config is still loading is
  // judged by the nearest loaded one, and re-judged when it is linted.
  const isPostmortem = (doc: vscode.TextDocument) => isPostmortemDocument(doc, config.configFor(doc.uri).globs);
  const indexer = new Indexer(config);
  // Workspace-level rules need every id: until the index is complete they are skipped, not guessed.
  const knownIds = () => (indexer.complete ? indexer.index.knownIds() : undefined);
  const sharedIdFacts = new SharedIdFacts(() => indexer.index, knownIds);
  const fixes = new FixStore();
  // Node host: lints run on a worker thread (dist/editorLintWorker.js) so a slow file never holds
  // this thread; the web host has no worker_threads and lints here, one file at a time.
  const Worker = nodeWorkerConstructor();
  const lintThreads = Worker
    ? new LintWorkerPool(Worker, vscode.Uri.joinPath(context.extensionUri, 'dist', 'editorLintWorker.js').fsPath, { budgetMs: LINT_BUDGET_MS, log: (m) => log().warn(m) })
    : undefined;
  // Links to runbooks and docs (links/missing-file): the folder's files, listed once a post-mortem links to a path.
  const workspaceFiles = new WorkspaceFileList();
  const filesFor = (uri: vscode.Uri, text: string) => workspaceFiles.filesFor(uri, text);
  const diagnostics = new DiagnosticsController(config, fixes, (uri) => sharedIdFacts.factsFor(uri), (uri) => editorFixFacts(uri, () => (indexer.started ? indexer.index.owners() : [])), filesFor, lintThreads);
  indexer.takeSummariesFromLint((uri) => diagnostics.isLinting(uri), diagnostics.onDidStopLinting);
  // Post-mortems whose bytes a save would rewrite (Windows-1252, lone CR, mixed EOL): a diagnostic, and no fixes.
  const byteRefusals = new ByteRefusals(diagnostics.onDidLint);
  const actionItems = new ActionItemsView(indexer, context.workspaceState);
  const library = new LibraryView(indexer, context.workspaceState);
  const statusBar = new StatusBarController(isPostmortem, config, diagnostics.onDidLint);
  const queue = new EditQueue();
  const choiceFix = new ChoiceFixCommand();
  const newInputShown = new vscode.EventEmitter<vscode.QuickInput>();
  const fixNotes = new FixNotes();
  const diagramEditor = registerDiagramEditor(context, log());
  registerMetricsDashboard(context, indexer, config);
  registerImports(context, config);
  // Evidence links come with each lint (read on the lint thread), never from a parse on this one.
  const evidence = registerEvidence(context, config, isPostmortem, { onDidLint: diagnostics.onDidLint, resultFor: (doc) => diagnostics.resultFor(doc) });
  const trackers = registerTrackers(context, config, indexer, actionItems, { summaryOf: async (doc) => (await diagnostics.resultFor(doc))?.summary, onDidLint: diagnostics.onDidLint });

  const reviewDeps: ReviewDeps = {
    lint: (doc) => diagnostics.lintNow(doc),
    owners: () => (indexer.started ? indexer.index.owners() : []),
  };

  // The views' "no post-mortems yet" welcome texts show only once the index is built (package.json viewsWelcome).
  const indexContext = (state: IndexState) => void vscode.commands.executeCommand('setContext', 'postmortem.index', state.kind);
  indexContext(indexer.state);

  const updateContext = () => {
    const doc = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', 'postmortem.isPostmortem', !!doc && isPostmortem(doc));
  };

  context.subscriptions.push(
    watchOwnSaves(),
    config, indexer, workspaceFiles, diagnostics, byteRefusals, actionItems, library, statusBar,
    // Post-mortems the index could not read (NUL bytes, too large): one problem each in Problems.
    new UnreadDiagnostics(indexer),
    indexer.onDidChangeState(indexContext),
    workspaceFiles.onDidChange(() => diagnostics.lintAllOpen()),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new PostmortemCodeActionProvider(fixes, config, (doc, text) => diagnostics.fixAll(doc, text), (doc) => diagnostics.lintNow(doc), (doc) => byteRefusals.refusal(doc)), PostmortemCodeActionProvider.metadata),
    vscode.languages.registerHoverProvider(MARKDOWN, new FrontMatterHoverProvider(isPostmortem)),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new FrontMatterCompletionProvider(isPostmortem, {
      owners: () => (indexer.started ? indexer.index.owners() : []),
      knownIds,
      factors: (doc) => config.configFor(doc.uri).factors,
    }), ...FrontMatterCompletionProvider.triggerCharacters),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new PmSnippetCompletionProvider(isPostmortem, context.extensionUri, (uri) => config.configFor(uri).defaultDueDays, (uri) => config.configFor(uri).sectionAliases), ...PmSnippetCompletionProvider.triggerCharacters),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    diagnostics.onDidLint((e) => {
      if (e.result) void indexer.ready(); // The first post-mortem seen starts the (background) index.
      if (e.result?.summary) indexer.acceptLintSummary(e.document, e.result.summary);
      // The lint has just decided whether the active file is a post-mortem: no need to ask again.
      if (e.document === vscode.window.activeTextEditor?.document) void vscode.commands.executeCommand('setContext', 'postmortem.isPostmortem', e.result !== undefined);
    }),
    // When the index learns new ids, `related` checks in open files may change.
    // When two files come to share an id, or stop sharing it, the other file's warning changes too.
    indexer.onDidChange((uris) => {
      if (uris.length === 0 || sharedIdFacts.changed()) diagnostics.lintAllOpen();
    }),
    newInputShown,
    fixNotes,
    trackMarkdownEditors(),
    vscode.commands.registerCommand('postmortem.newPostmortem', (args?: NewPostmortemArgs) => newPostmortem({ config, shown: (i) => newInputShown.fire(i) }, args)),
    vscode.commands.registerCommand('postmortem.copyBuiltinTemplate', (args?: CopyTemplateArgs) => copyBuiltinTemplate(config, args)),
    vscode.commands.registerCommand('postmortem.insertTimelineEntry', async () => {
      const doc = vscode.window.activeTextEditor?.document;
      return insertTimelineEntry(doc ? await config.ensureFor(doc.uri) : config.configFor(undefined));
    }),
    vscode.commands.registerCommand('postmortem.requestReview', (args?: ReviewArgs) => requestReview(reviewDeps, args)),
    vscode.commands.registerCommand('postmortem.approve', (args?: ReviewArgs) => recordReviewVerdict(reviewDeps, 'approved', args)),
    vscode.commands.registerCommand('postmortem.requestChanges', (args?: ReviewArgs) => recordReviewVerdict(reviewDeps, 'changes-requested', args)),
    vscode.commands.registerCommand('postmortem.markActionItemDone', (arg?: ItemArg) => markCommand(queue, arg, true)),
    vscode.commands.registerCommand('postmortem.reopenActionItem', (arg?: ItemArg) => markCommand(queue, arg, false)),
    // The Action Items view's menus: the row's item or nothing, never the text cursor (trial14b F3).
    vscode.commands.registerCommand('postmortem.markActionItemDoneInView', (arg?: ItemArg) => markCommand(queue, arg, true, 'view')),
    vscode.commands.registerCommand('postmortem.reopenActionItemInView', (arg?: ItemArg) => markCommand(queue, arg, false, 'view')),
    vscode.commands.registerCommand('postmortem.lintWorkspace', () => lintWorkspace(indexer, diagnostics)),
    vscode.commands.registerCommand('postmortem.showActionItems', () => vscode.commands.executeCommand(`${VIEW_ID}.focus`)),
    vscode.commands.registerCommand('postmortem.revealActionItem', (arg: { uri: string; line: number }) => revealActionItem(arg)),
    vscode.commands.registerCommand('postmortem.openTicket', (arg?: Parameters<typeof openTicket>[0]) => openTicket(arg)),
    choiceFix,
    vscode.commands.registerCommand(CHOICE_FIX_COMMAND, (args: ChoiceFixArgs) => choiceFix.run(args)),
    vscode.commands.registerCommand('postmortem.fixAll', async (uri?: vscode.Uri) => {
      const opened = uri ? await openForWrite(uri) : undefined;
      if (opened && !opened.ok) return refused(opened.message);
      const doc = opened ? opened.doc : vscode.window.activeTextEditor?.document;
      // Never silent: "nothing to fix" must not look like "the command did not run" (trial19a F4).
      if (!doc) return saidNone('no-editor');
      const name = vscode.workspace.asRelativePath(doc.uri);
      const version = doc.version;
      const result = await fixAllEdit(doc, (d, text) => diagnostics.fixAll(d, text));
      if ('none' in result) return saidNone(result.none, name, diagnostics.collection.get(doc.uri)?.length ?? 0);
      const check = await checkWrite(doc, insertedTexts(result.edit));
      if (!check.ok) return refused(check.message);
      // The guard read the disk: an edit meanwhile makes the computed ranges wrong.
      if (doc.version !== version) return saidNone('changed', name);
      const applied = await vscode.workspace.applyEdit(result.edit);
      if (applied) fixNotes.say(doc.uri, result.notes);
      return applied;
    }),
    diagramEditor,
    registerIdNavigation(indexer),
    { dispose: disposeLog },
  );

  // Heavy work happens after activation returns: reading the rc file, linting, maybe indexing.
  const configLoaded = config.load().then(() => {
    diagnostics.lintAllOpen();
    updateContext();
  });
  const startIndexIfPostmortems = configLoaded.then(async () => {
    if (indexer.started) return;
    const globs = [...new Set((await config.folderConfigs()).flatMap((c) => c.globs))];
    // A search that stays silent starts the index too: its state then says so in the views (trial14b F6).
    const hit = await answerWithin(indexer.search.find(`{${globs.join(',')}}`, '**/node_modules/**', 1), indexer.search.silentAfterMs);
    if (!hit || hit.length) await indexer.ready();
  });

  const activationMs = performance.now() - started;
  const host = runningHost();
  log().info(`Activated in ${activationMs.toFixed(1)} ms (${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI, ${host} extension host)`);
  return {
    activationMs,
    host,
    indexer,
    actionItems,
    library,
    diagnostics,
    statusBar,
    diagramPanels: diagramEditor.panels,
    trackers,
    onDidShowFixChoices: choiceFix.onDidShowChoices,
    evidence,
    onDidShowNewPostmortemInput: newInputShown.event,
    onDidSayFixNotes: fixNotes.onDidSay,
    newFileSeam,
    async ready() {
      await configLoaded;
      await startIndexIfPostmortems;
      await indexer.ready();
      diagnostics.lintAllOpen();
    },
  };
}

function runningHost(): 'node' | 'webworker' {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return proc?.versions?.node ? 'node' : 'webworker';
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

/** Fix All edited nothing: say why, as VS Code's own commands do, and return false (no edit). */
function saidNone(why: FixAllNone, name = '', left = 0): false {
  void vscode.window.showInformationMessage(fixAllNoneMessage(why, name, left));
  return false;
}
