cube(2.5);
