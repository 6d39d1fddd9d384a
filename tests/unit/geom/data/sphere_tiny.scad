sphere(r=1e-7);
