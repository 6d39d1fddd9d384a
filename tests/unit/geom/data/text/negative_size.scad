text("xo", size = -3);
