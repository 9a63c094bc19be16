print("kol-engine: not yet")
