rotate_extrude() translate([5,0]) circle(r=1);
