// Stress: union of three interlocking rotate_extrude tori.
for (a = [0, 60, 120]) rotate([90, 0, a]) rotate_extrude($fn = 64) translate([10, 0]) circle(r = 2, $fn = 24);
