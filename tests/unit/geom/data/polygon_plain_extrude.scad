linear_extrude(1.5) polygon([[0,0],[4,1],[3,5],[1,3]]);
