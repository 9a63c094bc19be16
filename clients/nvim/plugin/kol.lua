-- kol-engine for Neovim (0.7 and later): *.kol.json files get filetype `kol` and the kol-engine
-- language server (diagnostics, outline), plus :KolRank and :KolTone. Configure with
-- require('kol').setup({ cmd = { '/path/to/kol-engine' } }); without setup() the defaults apply.
if vim.g.loaded_kol then
  return
end
vim.g.loaded_kol = true

-- `set filetype` (not `setfiletype`): the built-in *.json rule has already said "json" by now.
vim.cmd([[
  augroup kol_filetype
    autocmd!
    autocmd BufRead,BufNewFile *.kol.json set filetype=kol
  augroup END
]])

require('kol').setup_defaults()
