print("kol-bench: not yet")
