// Stress: a row of 12 overlapping spheres, one union.
for (i = [0:11]) translate([i * 1.5, 0, 0]) sphere(r = 1, $fn = 32);
