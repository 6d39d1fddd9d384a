for (i = [0:1e9]) cube(i);
