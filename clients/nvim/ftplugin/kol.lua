-- Buffer settings for *.kol.json, then start (or join) kol-engine for this buffer.
vim.bo.shiftwidth = 2
vim.bo.expandtab = true
require('kol').attach(vim.api.nvim_get_current_buf())
