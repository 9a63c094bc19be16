" A kol-engine workspace is JSON: reuse the JSON syntax.
if exists('b:current_syntax')
  finish
endif
runtime! syntax/json.vim
let b:current_syntax = 'kol'
