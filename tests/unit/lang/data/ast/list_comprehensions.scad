x = [for (i = a) i, for (i = 0; i < 3; i = i + 1) i, each a, if (a) 1 else 2, let (x = 1) for (i = a) x, let (x = 1) x];
