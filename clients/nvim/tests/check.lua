-- Runs inside `nvim --headless` on a *.kol.json file with one injected error (see test_nvim_plugin.py):
-- waits for kol-engine's diagnostics, records them, edits the file, records the new set, exercises
-- :KolRank / :KolTone, and writes everything as JSON to $KOL_NVIM_OUT.
local out = {}
local bufnr = vim.api.nvim_get_current_buf()
out.version = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch
out.filetype = vim.bo.filetype
out.commands = { rank = vim.fn.exists(':KolRank'), tone = vim.fn.exists(':KolTone') }

local function snapshot()
  local items = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(items, { line = d.lnum, col = d.col, code = d.code or lsp.code, severity = d.severity,
      message = d.message, source = d.source, namespace = d.namespace })
  end
  table.sort(items, function(a, b) return a.line < b.line end)
  return items
end

local function key(items)
  return vim.fn.json_encode(items)
end

local attached = vim.wait(20000, function() return require('kol').client(bufnr) ~= nil end, 20)
out.attached = attached
vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
out.first = snapshot()

-- The edit: fix the injected error and break another value (a negative follower count).
local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
local fixed, broken
for index, line in ipairs(lines) do
  if not fixed and line:find('"stars": 7,', 1, true) then
    vim.api.nvim_buf_set_lines(bufnr, index - 1, index, false, { (line:gsub('"stars": 7,', '"stars": 3,')) })
    fixed = index - 1
  elseif fixed and not broken and line:find('"followers": 720000,', 1, true) then
    vim.api.nvim_buf_set_lines(bufnr, index - 1, index, false, { (line:gsub('720000', '-720000')) })
    broken = index - 1
  end
end
out.fixed_line, out.broken_line = fixed, broken
local before = key(out.first)
vim.wait(20000, function() return key(snapshot()) ~= before end, 20)
-- Then let it settle: Neovim >= 0.10 also pulls diagnostics (textDocument/diagnostic) into a second
-- namespace, so one edit can show up in two steps.
local last, stable_since = key(snapshot()), vim.loop.now()
vim.wait(20000, function()
  local now = key(snapshot())
  if now ~= last then last, stable_since = now, vim.loop.now() end
  return vim.loop.now() - stable_since >= 500
end, 20)
out.second = snapshot()
out.namespaces = {}
for id, ns in pairs(vim.diagnostic.get_namespaces()) do out.namespaces[tostring(id)] = ns.name end

-- :KolTone resolves the KOL under the cursor through the outline.
vim.api.nvim_win_set_cursor(0, { broken + 1, 0 })
out.kol_under_cursor = require('kol').kol_under_cursor(bufnr)
out.rank_lines = require('kol').rank_lines({
  kols = { { id = '1', name = 'a', score = 81.54, price = 3500, flags = { { code = 'dormant' } } } },
  shortlist = { kols = { '1' }, total = 3500 }, pilot = { '1' } })
local rank, rank_err = require('kol').request('kol/rank', vim.empty_dict(), bufnr)
out.rank = { ok = rank ~= nil, err = rank_err }
if rank then
  vim.cmd('KolRank')
  out.rank_buffer = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  vim.cmd('close')
end
local tone, tone_err = require('kol').request('kol/compareTone',
  { a = { id = out.kol_under_cursor or '' }, b = { brief = true } }, bufnr)
out.tone = { ok = tone ~= nil, err = tone_err }
if tone then
  vim.api.nvim_win_set_cursor(0, { broken + 1, 0 })
  vim.cmd('KolTone')
  out.tone_buffer = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  vim.cmd('close')
end

vim.fn.writefile({ vim.fn.json_encode(out) }, vim.env.KOL_NVIM_OUT)
vim.cmd('qa!')
