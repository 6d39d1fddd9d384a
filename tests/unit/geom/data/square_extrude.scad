linear_extrude(2) square([3,4], center=true);
