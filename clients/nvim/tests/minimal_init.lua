-- A clean Neovim with only this plugin: used by test_nvim_plugin.py (nvim --headless -u THIS).
local plugin = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h:h')
vim.opt.runtimepath:prepend(plugin)
vim.opt.swapfile = false
vim.cmd('filetype plugin on')
vim.cmd('syntax on')
