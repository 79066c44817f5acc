# What channel subscribers read around every post (the default post layout).

# The link to the article under a post.
post-read-more = Read more
