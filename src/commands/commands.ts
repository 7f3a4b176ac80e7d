/**
 * Ribbon commands. The Home-tab button opens the taskpane through the manifest's ShowTaskpane
 * action; this bundle only has to tell Office it is ready (shared runtime: it loads in the
 * taskpane page).
 */
Office.onReady(() => {
  // No ExecuteFunction commands yet: ShowTaskpane needs no handler.
});
