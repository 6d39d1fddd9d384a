translate([0.5, -1.25]) square([3.3, 1.7]);
