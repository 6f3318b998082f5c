import { redirect } from "next/navigation";

/** The queue is where an admin's day starts. */
export default function AdminPage() {
  redirect("/admin/listings");
}
