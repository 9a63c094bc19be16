-- kol-engine Neovim client. Works on Neovim 0.7 (Debian 12) through current releases:
-- vim.lsp.start on >= 0.8, vim.lsp.start_client + vim.lsp.buf_attach_client on 0.7.
local M = {}

M.config = {
  -- The command that starts the engine; nil: $KOL_ENGINE, then kol-engine on PATH, then this
  -- repository's .build/release and .build/debug.
  cmd = nil,
  -- Seconds to wait for :KolRank / :KolTone answers.
  timeout = 30,
}

local clients_by_root = {} -- 0.7 path: one client per folder, shared by its buffers
local commands_defined = false

local function notify(message, level)
  vim.notify('kol-engine: ' .. message, level or vim.log.levels.INFO)
end

local function plugin_root()
  -- This file is <repo>/clients/nvim/lua/kol/init.lua.
  local source = debug.getinfo(1, 'S').source:sub(2)
  return vim.fn.fnamemodify(source, ':p:h:h:h:h:h')
end

function M.engine_cmd()
  if M.config.cmd then
    return M.config.cmd
  end
  local env = vim.env.KOL_ENGINE
  if env and env ~= '' then
    return { env }
  end
  if vim.fn.executable('kol-engine') == 1 then
    return { 'kol-engine' }
  end
  local root = plugin_root()
  for _, candidate in ipairs({ root .. '/.build/release/kol-engine', root .. '/.build/debug/kol-engine' }) do
    if vim.fn.executable(candidate) == 1 then
      return { candidate }
    end
  end
  return nil
end

local function client_config(bufnr)
  local root = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':p:h')
  return {
    name = 'kol-engine',
    cmd = M.engine_cmd(),
    root_dir = root,
    -- The engine accepts *.kol.json by name; the language id says the same for unsaved buffers.
    get_language_id = function()
      return 'kol-json'
    end,
    -- The engine pushes diagnostics after every change and also offers pull. Neovim >= 0.10 would use
    -- both, into two namespaces, showing each diagnostic twice: keep push only.
    on_init = function(client)
      if client.server_capabilities then
        client.server_capabilities.diagnosticProvider = nil
      end
    end,
  }
end

--- Starts kol-engine for the buffer (or attaches the running one for the same folder).
function M.attach(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local config = client_config(bufnr)
  if not config.cmd then
    notify('binary not found: set $KOL_ENGINE, put kol-engine on PATH, or run `swift build`', vim.log.levels.ERROR)
    return nil
  end
  if vim.lsp.start then -- Neovim >= 0.8
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  local id = clients_by_root[config.root_dir]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(config)
    clients_by_root[config.root_dir] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

--- The kol-engine client attached to the buffer, or nil.
function M.client(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  if vim.lsp.get_clients then -- 0.10+
    return vim.lsp.get_clients({ bufnr = bufnr, name = 'kol-engine' })[1]
  end
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if client.name == 'kol-engine' then
      return client
    end
  end
  return nil
end

--- Sends a request and waits for the answer: returns result, or nil and an error message.
function M.request(method, params, bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local client = M.client(bufnr)
  if not client then
    return nil, 'no kol-engine attached to this buffer'
  end
  local done, answer, failure = false, nil, nil
  local function handler(err, result)
    if err then
      failure = string.format('%s: %s (code %s)', method, err.message or '?', tostring(err.code))
    else
      answer = result
    end
    done = true
  end
  -- Client methods became `client:request(...)` in 0.11; the dot form is deprecated there.
  local sent
  if vim.fn.has('nvim-0.11') == 1 then
    sent = client:request(method, params, handler, bufnr)
  else
    sent = client.request(method, params, handler, bufnr)
  end
  if not sent then
    return nil, method .. ': the engine is not running'
  end
  if not vim.wait(M.config.timeout * 1000, function() return done end, 10) then
    return nil, method .. ': no answer within ' .. M.config.timeout .. ' s'
  end
  return answer, failure
end

local function scratch(name, lines)
  vim.cmd('botright new')
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].buftype = 'nofile'
  vim.bo[buf].bufhidden = 'wipe'
  vim.bo[buf].swapfile = false
  pcall(vim.api.nvim_buf_set_name, buf, name)
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.bo[buf].modifiable = false
  return buf
end

local function text(value)
  if value == nil or value == vim.NIL then
    return '?'
  end
  if type(value) == 'number' and value ~= math.floor(value) then
    return string.format('%.1f', value)
  end
  return tostring(value)
end

local function flag_codes(flags)
  if type(flags) ~= 'table' then
    return flags == nil and '' or text(flags)
  end
  local codes = {}
  for _, flag in ipairs(flags) do
    table.insert(codes, type(flag) == 'table' and (flag.code or '?') or tostring(flag))
  end
  return table.concat(codes, ' ')
end

--- The lines :KolRank shows for a kol/rank result (pure: tested on its own).
function M.rank_lines(result)
  local lines = { string.format('%-4s %-12s %-24s %6s %8s  %s', '#', 'id', 'name', 'score', 'price', 'flags') }
  for index, kol in ipairs(result.kols or {}) do
    table.insert(lines, string.format('%-4d %-12s %-24s %6s %8s  %s', index, text(kol.id), text(kol.name),
      text(kol.score), text(kol.price), flag_codes(kol.flags)))
  end
  local shortlist = result.shortlist
  if type(shortlist) == 'table' and shortlist.kols then
    table.insert(lines, '')
    table.insert(lines, 'shortlist: ' .. table.concat(vim.tbl_map(text, shortlist.kols), ', ')
      .. ' (total ' .. text(shortlist.total) .. ')')
  end
  if type(result.pilot) == 'table' and #result.pilot > 0 then
    table.insert(lines, 'pilot: ' .. table.concat(vim.tbl_map(text, result.pilot), ', '))
  end
  return lines
end

--- The lines :KolTone shows for a kol/compareTone result.
function M.tone_lines(id, result)
  local lines = {
    'tone of ' .. id .. ' vs the brief: ' .. text(result.verdict) .. ' (distance ' .. text(result.distance) .. ')',
    '',
  }
  local names = vim.tbl_keys(result.dimensions or {})
  table.sort(names)
  for _, name in ipairs(names) do
    table.insert(lines, string.format('  %-14s %+.2f', name, tonumber(result.dimensions[name]) or 0))
  end
  for _, key in ipairs({ 'best', 'worst' }) do
    if type(result[key]) == 'table' and #result[key] > 0 then
      table.insert(lines, '')
      table.insert(lines, key .. ':')
      for _, post in ipairs(result[key]) do
        local body = type(post) == 'table' and (post.text or vim.fn.json_encode(post)) or tostring(post)
        table.insert(lines, '  ' .. body:gsub('\n', ' '))
      end
    end
  end
  return lines
end

--- The id of the KOL whose entry contains the cursor, using the engine's outline (documentSymbol).
function M.kol_under_cursor(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local symbols, err = M.request('textDocument/documentSymbol',
    { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }, bufnr)
  if not symbols then
    return nil, err or 'no outline'
  end
  local line = vim.api.nvim_win_get_cursor(0)[1] - 1
  for _, symbol in ipairs(symbols) do
    local range = symbol.range
    if symbol.kind == 19 and range and range.start.line <= line and line <= range['end'].line then
      local chunk = vim.api.nvim_buf_get_lines(bufnr, range.start.line, range['end'].line + 1, false)
      local id = table.concat(chunk, '\n'):match('"id"%s*:%s*"([^"]+)"')
      if id then
        return id
      end
    end
  end
  return nil, 'the cursor is not on a KOL'
end

function M.rank()
  local result, err = M.request('kol/rank', vim.empty_dict())
  if not result then
    notify(err, vim.log.levels.ERROR)
    return nil
  end
  return scratch('kol-rank', M.rank_lines(result))
end

function M.tone()
  local id, why = M.kol_under_cursor()
  if not id then
    notify(why, vim.log.levels.WARN)
    return nil
  end
  local result, err = M.request('kol/compareTone', { a = { id = id }, b = { brief = true } })
  if not result then
    notify(err, vim.log.levels.ERROR)
    return nil
  end
  return scratch('kol-tone-' .. id, M.tone_lines(id, result))
end

local function define_commands()
  if commands_defined then
    return
  end
  commands_defined = true
  vim.api.nvim_create_user_command('KolRank', function() M.rank() end,
    { desc = 'kol-engine: ranked KOLs in a scratch buffer' })
  vim.api.nvim_create_user_command('KolTone', function() M.tone() end,
    { desc = 'kol-engine: tone of the KOL under the cursor vs the brief' })
end

function M.setup_defaults()
  define_commands()
end

--- Optional: require('kol').setup({ cmd = {...}, timeout = 30 }).
function M.setup(opts)
  M.config = vim.tbl_deep_extend('force', M.config, opts or {})
  define_commands()
end

return M
