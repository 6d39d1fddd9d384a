// Stress: hull of 8 spheres at the corners of a box.
hull() for (x = [0, 10], y = [0, 8], z = [0, 6]) translate([x, y, z]) sphere(r = 1 + x / 20, $fn = 48);
