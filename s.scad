scale(65536) text("@", size=10);
