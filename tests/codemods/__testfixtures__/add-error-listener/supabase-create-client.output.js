import { createClient } from '@supabase/supabase-js';

// Not node-redis: a different library's createClient.
export const supabase = createClient(process.env.SUPABASE_URL, process.env.SUPABASE_ANON_KEY);
export const redisCacheEnabled = true;
