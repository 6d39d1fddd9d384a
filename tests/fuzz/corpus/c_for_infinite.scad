echo([for (i = 0; true; i = i + 1) i]);
