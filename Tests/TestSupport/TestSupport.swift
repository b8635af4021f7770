import ECSTutor
